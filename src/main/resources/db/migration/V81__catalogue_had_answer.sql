-- Reporting (dk.borgerflow.reporting), versions V80-V89.
--
-- "The catalogue had the answer": the contact center agent's tick in answer-in-contact-center.form
-- (variable catalogueHadAnswer) as a fact on the inquiry (null: not asked or not answered), carried
-- by InquiryFacts into the read model for the KPI "kataloget havde svaret" (docs/reports.md).
-- Inquiries answered before this migration only have it as a line of their history note.
alter table inquiry add column catalogue_had_answer boolean;
alter table report_inquiry add column catalogue_had_answer boolean;
