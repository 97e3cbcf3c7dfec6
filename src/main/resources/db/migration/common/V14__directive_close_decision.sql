-- The assigner's decision when the lead unit's result was accepted while coordinating or acknowledgement work was
-- still open: wait for it (WAIT) or close now and cancel it (CLOSE_NOW, with a reason).
ALTER TABLE asg_directive ADD COLUMN close_decided_by VARCHAR(150);
ALTER TABLE asg_directive ADD COLUMN close_decision VARCHAR(20);
ALTER TABLE asg_directive ADD COLUMN close_reason VARCHAR(4000);
