-- Migration 20: a purge may clear the text of records that are otherwise never changed (a
-- screening answer's note, a referral status's reason, a payment's payee and purpose), and
-- nothing else of them; clients carry the mark of a purge.
-- FROZEN: never edit this file; change schema.sql and add the next numbered migration instead.

ALTER TABLE clients ADD COLUMN purged_at TEXT CHECK (purged_at IS NULL OR length(purged_at) = 20);
CREATE INDEX clients_unpurged ON clients(agency_id) WHERE purged_at IS NULL AND status = 'closed';

-- The name index removes a changed or purged name's entries at once rather than marking them
-- deleted in older segments (FTS5 secure-delete).
INSERT INTO clients_search (clients_search, rank) VALUES ('secure-delete', 1);

DROP TRIGGER screening_answers_no_update;
CREATE TRIGGER screening_answers_no_update BEFORE UPDATE ON screening_answers
WHEN NOT (NEW.note IS NULL AND NEW.id = OLD.id AND NEW.screening_id = OLD.screening_id
          AND NEW.item = OLD.item AND NEW.answer = OLD.answer AND NEW.source = OLD.source
          AND NEW.answered_by = OLD.answered_by AND NEW.answered_at = OLD.answered_at)
BEGIN
    SELECT RAISE(ABORT, 'screening answers are never overwritten');
END;

DROP TRIGGER referral_status_no_update;
CREATE TRIGGER referral_status_no_update BEFORE UPDATE ON referral_status
WHEN NOT ((NEW.reason IS NULL OR NEW.reason = '—') AND NEW.id = OLD.id
          AND NEW.referral_id = OLD.referral_id AND NEW.status = OLD.status
          AND NEW.on_date = OLD.on_date AND NEW.changed_by = OLD.changed_by
          AND NEW.changed_at = OLD.changed_at)
BEGIN
    SELECT RAISE(ABORT, 'referral status history is never changed');
END;

DROP TRIGGER payments_fixed;
CREATE TRIGGER payments_fixed BEFORE UPDATE ON payments
WHEN NOT (NEW.payee = '—' AND NEW.purpose = ''
          AND (NEW.void_reason IS OLD.void_reason OR NEW.void_reason = '—')
          AND NEW.id = OLD.id AND NEW.fund_id = OLD.fund_id AND NEW.client_id = OLD.client_id
          AND NEW.category = OLD.category AND NEW.amount_cents = OLD.amount_cents
          AND NEW.paid_on = OLD.paid_on AND NEW.status = OLD.status
          AND NEW.requested_by = OLD.requested_by AND NEW.requested_at = OLD.requested_at
          AND NEW.approved_by IS OLD.approved_by AND NEW.approved_at IS OLD.approved_at
          AND NEW.voided_by IS OLD.voided_by AND NEW.voided_at IS OLD.voided_at
          AND NEW.imported = OLD.imported)
 AND (NEW.fund_id <> OLD.fund_id OR NEW.client_id <> OLD.client_id OR NEW.category <> OLD.category
     OR NEW.amount_cents <> OLD.amount_cents OR NEW.paid_on <> OLD.paid_on
     OR NEW.requested_by <> OLD.requested_by OR OLD.status = 'void'
     OR (NEW.status = 'approved' AND OLD.status <> 'requested')
     OR (NEW.status = 'requested' AND OLD.status <> 'requested'))
BEGIN
    SELECT RAISE(ABORT, 'a payment is only approved or voided, never changed');
END;
