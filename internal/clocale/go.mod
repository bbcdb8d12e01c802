module clocale.local

go 1.26
