DROP TABLE IF EXISTS review_queue;
DROP TABLE IF EXISTS hash_library;
