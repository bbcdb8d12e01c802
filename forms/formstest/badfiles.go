package formstest

import (
	"bytes"
	"strings"

	"ziping/forms"
)

// BadFiles are document files that forms.Unmarshal and storage.Load must refuse, made from
// sample, a good document file's bytes: forms tests Unmarshal on them and seeds its fuzz test
// with them, storage tests that Load refuses them and Save leaves them untouched.
func BadFiles(sample []byte) map[string][]byte {
	return map[string][]byte{
		"truncated":     sample[:700],
		"empty":         {},
		"spaces":        []byte(" \n "),
		"random":        {0x8f, 0x00, 0xff, 0x12, 0x7b, 0x22},
		"not ours":      []byte(`{"name": "x"}`),
		"future":        bytes.Replace(sample, []byte(`"version": 1`), []byte(`"version": 999`), 1),
		"version zero":  bytes.Replace(sample, []byte(`"version": 1`), []byte(`"version": 0`), 1),
		"deep":          []byte(strings.Repeat(`{"a":`, 20000)),
		"unknown key":   bytes.Replace(sample, []byte(`"settings": {`), []byte(`"settings": {"colour": 1,`), 1),
		"wrong type":    bytes.Replace(sample, []byte(`"staff": "208"`), []byte(`"staff": 208`), 1),
		"unknown row":   bytes.Replace(sample, []byte(`"id": "I7"`), []byte(`"id": "I9"`), 1),
		"duplicate row": bytes.Replace(sample, []byte(`"id": "I7"`), []byte(`"id": "I6"`), 1),
		"null project":  bytes.Replace(sample, []byte(`"projects": [`), []byte(`"projects": [null,`), 1),
		"trailing":      append(append([]byte{}, sample...), []byte(`{}`)...),
		"huge":          append(append([]byte{}, sample...), bytes.Repeat([]byte(" "), forms.MaxFileSize)...),
		"million rows":  MillionRows(sample),
	}
}

// MillionRows is sample with 10⁶ empty 三级 rows more in its first 二级: 4 MB.
func MillionRows(sample []byte) []byte {
	rows := bytes.Repeat([]byte("{},"), 1_000_000)
	return bytes.Replace(sample, []byte(`"rows": [`), append([]byte(`"rows": [`), rows...), 1)
}
