-- Issue 18: the reception point's and the competent unit's queues of the web app (open dossiers in a few statuses,
-- nearest appointment first) read a range of these indexes instead of every dossier the point or unit ever received.
CREATE INDEX dos_dossier_point_queue_idx ON dos_dossier (reception_point, status, appointment_at);
CREATE INDEX dos_dossier_unit_queue_idx ON dos_dossier (unit_code, status, appointment_at);
