package forms

import (
	"encoding/json"
	"fmt"
)

// A migration upgrades the top-level keys of a document file from one version to the next.
type migration func(doc map[string]json.RawMessage) error

// migrations[v] upgrades version v to v+1. Version 1 is the first and current layout, so there
// is none yet; when version 2 comes, its step goes here (with a test that loads a version 1 file).
var migrations = map[int]migration{}

// migrate upgrades data from version from to version to, one step at a time, and sets the
// "version" key; data at the target version comes back unchanged.
func migrate(data []byte, from, to int, steps map[int]migration) ([]byte, error) {
	if from == to {
		return data, nil
	}
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	for v := from; v < to; v++ {
		step, ok := steps[v]
		if !ok {
			return nil, fmt.Errorf("没有从格式版本 %d 升级的方法", v)
		}
		if err := step(doc); err != nil {
			return nil, fmt.Errorf("从格式版本 %d 升级失败：%w", v, err)
		}
	}
	doc["version"] = json.RawMessage(fmt.Sprint(to))
	return json.Marshal(doc)
}
