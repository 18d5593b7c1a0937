DROP INDEX IF EXISTS idx_review_queue_hash;
ALTER TABLE review_queue DROP COLUMN reason;
