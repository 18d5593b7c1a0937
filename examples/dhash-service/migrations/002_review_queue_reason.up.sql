-- 2.0.0: record why an item was queued, and look queued hashes up quickly (duplicate check).
ALTER TABLE review_queue ADD COLUMN reason TEXT NOT NULL DEFAULT 'low_confidence';
CREATE INDEX idx_review_queue_hash ON review_queue (hash);
