select * from "org_units" where "path" >= ? and "path" < ? and (name like ? escape '\' or pinyin like ? escape '\' or initials like ? escape '\') order by "path" limit ? offset ?
