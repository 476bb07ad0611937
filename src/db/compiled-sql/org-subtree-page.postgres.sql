select * from "org_units" where "path" >= $1 and "path" < $2 and (name like $3 escape '\' or pinyin like $4 escape '\' or initials like $5 escape '\') order by "path" limit $6 offset $7
