package forms

import (
	"reflect"
	"strings"
	"testing"
)

// TestAmountColumnNames: each amount column's Key is the JSON name of the field Cell binds, and
// its Label the name the printed tables give it, so that a check's Location and message name the
// cell an editor shows.
func TestAmountColumnNames(t *testing.T) {
	labels := map[string]string{"Initial": "年初预算数", "Full": "全年预算数", "Actual": "全年执行数"}
	typ := reflect.TypeFor[Amounts]()
	for _, c := range AmountColumns {
		var a Amounts
		*a.Cell(c) = "x"
		v := reflect.ValueOf(a)
		for i := range typ.NumField() {
			if v.Field(i).String() != "x" {
				continue
			}
			f := typ.Field(i)
			if key, _, _ := strings.Cut(f.Tag.Get("json"), ","); key != c.Key() {
				t.Errorf("column %d: Key %q, but Cell binds %s, written %q", c, c.Key(), f.Name, key)
			}
			if labels[f.Name] != c.Label() {
				t.Errorf("column %d: Label %q, but Cell binds %s (%s)", c, c.Label(), f.Name, labels[f.Name])
			}
		}
	}
}
