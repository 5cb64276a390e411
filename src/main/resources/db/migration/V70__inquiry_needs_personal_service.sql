-- Whether the citizen needs personal service (never self-service only) is a process owners' rule:
-- routing.dmn's decision "personal-service" answers it when an inquiry is routed, and the inquiry
-- keeps the answer (Inquiry.needsPersonalService), which its guards read from then on.
-- Inquiries routed before this migration are filled once with the rule as it stood in the code
-- (digitally exempt, 75 or older, needs an interpreter, accessibility needs).
alter table inquiry add column needs_personal_service boolean default false not null;

update inquiry set needs_personal_service = true
 where citizen_digitally_exempt
    or citizen_age >= 75
    or citizen_needs_interpreter
    or (citizen_accessibility is not null and trim(citizen_accessibility) <> '');
