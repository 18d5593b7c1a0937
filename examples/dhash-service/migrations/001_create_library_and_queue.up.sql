-- The hash library (known component images) and the low-confidence review queue.
CREATE TABLE hash_library (
  id INTEGER PRIMARY KEY,
  hash TEXT NOT NULL,
  label TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX idx_hash_library_hash ON hash_library (hash);

CREATE TABLE review_queue (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  hash TEXT NOT NULL,
  best_match_id INTEGER,
  distance INTEGER,
  confidence REAL NOT NULL,
  enqueued_at TEXT NOT NULL
);
CREATE INDEX idx_review_queue_enqueued_at ON review_queue (enqueued_at);

-- Seed library: the dHashes of the synthetic component images 0..23 (128x128) that the load
-- generator sends as "known" images; test/service/migrations.test.ts recomputes them.
INSERT INTO hash_library (id, hash, label) VALUES
  (1, '49db92b226ccccd9', 'component-00'),
  (2, '389c8f0763f0f098', 'component-01'),
  (3, '31d487710ec7f10e', 'component-02'),
  (4, '99133266640c6963', 'component-03'),
  (5, '922d58a66dd22759', 'component-04'),
  (6, 'c7626733388fc04c', 'component-05'),
  (7, 'cb96654993346d9a', 'component-06'),
  (8, '24d99a66653335c9', 'component-07'),
  (9, '8c646732b399d846', 'component-08'),
  (10, '274659b336699326', 'component-09'),
  (11, 'cab2342d49d2b235', 'component-10'),
  (12, '99336fce9c38f9f2', 'component-11'),
  (13, 'ce7319cc7398ec63', 'component-12'),
  (14, '334cc36699966499', 'component-13'),
  (15, 'b6c9b2db6924925b', 'component-14'),
  (16, 'f38e711ee7210ce1', 'component-15'),
  (17, '49db45c993b6641a', 'component-16'),
  (18, '339999ccce667636', 'component-17'),
  (19, '1c988cc7e771311c', 'component-18'),
  (20, 'ccdcc9919231366e', 'component-19'),
  (21, '339bccb6e16d1b9b', 'component-20'),
  (22, '33733839ce87e3cc', 'component-21'),
  (23, '393c0ec6e7613918', 'component-22'),
  (24, '4c8793616499192e', 'component-23');
