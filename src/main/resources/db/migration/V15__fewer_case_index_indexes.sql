-- Every case-index row is rewritten when an import changes its case, so each index costs on every import. Keep the
-- indexes for the filters that pick a few cases out of millions (field office, order type, family); nationality and
-- hearing location lists read the index table in one scan.
drop index case_index_nationality;
drop index case_index_hearing_location;
