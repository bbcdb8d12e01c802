package forms

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"unicode/utf8"
)

// FileFormat is the value of the "format" key of every document file.
const FileFormat = "ziping"

// FileVersion is the version of the file layout this program writes and the newest it reads.
const FileVersion = 1

// FileExt is the extension of document files.
const FileExt = ".zpb"

// MaxFileSize is the largest document file the program opens. A real document is a few
// hundred kilobytes; anything far larger is not one of ours or is damaged.
const MaxFileSize = 32 << 20

// fileDoc is the on-disk layout: the document plus format and version, keys in a fixed order.
type fileDoc struct {
	Format   string         `json:"format"`
	Version  int            `json:"version"`
	Settings Settings       `json:"settings"`
	Unit     UnitForm       `json:"unit"`
	Projects []*ProjectForm `json:"projects"`
}

// FileError is a document file that cannot be read. Its message is Chinese and says what to do.
type FileError struct {
	Path   string
	Reason string
	Err    error
}

func (e *FileError) Error() string {
	name := filepath.Base(e.Path)
	if e.Path == "" {
		name = "文件"
	}
	return fmt.Sprintf("无法打开“%s”：%s", name, e.Reason)
}

func (e *FileError) Unwrap() error { return e.Err }

// Marshal encodes doc as the pretty-printed UTF-8 JSON of a document file.
func Marshal(doc *Document) ([]byte, error) {
	f := fileDoc{Format: FileFormat, Version: FileVersion, Settings: doc.Settings, Unit: doc.Unit, Projects: doc.Projects}
	if f.Projects == nil {
		f.Projects = []*ProjectForm{}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(f); err != nil {
		return nil, fmt.Errorf("编码文档失败：%w", err)
	}
	return buf.Bytes(), nil
}

// Unmarshal decodes a document file's bytes. Every failure is a *FileError with a Chinese reason.
func Unmarshal(data []byte) (*Document, error) {
	if len(data) > MaxFileSize {
		return nil, &FileError{Reason: TooLargeReason(int64(len(data)))}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &FileError{Reason: "文件是空的，不是绩效自评文件。"}
	}
	if !utf8.Valid(data) {
		return nil, &FileError{Reason: "文件不是 UTF-8 文本，不是绩效自评文件或已损坏。"}
	}
	if err := checkShape(data); err != nil {
		return nil, &FileError{Reason: err.Error() + "，不是绩效自评文件或已损坏。", Err: err}
	}
	var head struct {
		Format  string `json:"format"`
		Version int    `json:"version"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, &FileError{Reason: "文件内容已损坏或不完整（" + jsonProblem(data, err) + "），请改用备份文件（.bak）。", Err: err}
	}
	switch {
	case head.Format != FileFormat:
		return nil, &FileError{Reason: "这不是绩效自评（.zpb）文件。"}
	case head.Version > FileVersion:
		return nil, newerVersion(data, head.Version)
	case head.Version < 1:
		return nil, &FileError{Reason: fmt.Sprintf("文件的格式版本 %d 无效。", head.Version)}
	}
	data, err := migrate(data, head.Version, FileVersion, migrations)
	if err != nil {
		return nil, &FileError{Reason: "无法升级旧版本的文件：" + err.Error(), Err: err}
	}
	return decodeStrict(data)
}

// A file is decoded whole into memory before its limits (Document.checkLimits) can be looked
// at, and decoding costs memory by the JSON objects and array elements, not by bytes: 4 MB of
// "{}," are a million indicator rows. checkShape bounds them before decoding, at five times
// what a document at every limit holds (formstest.Largest: 20,000 objects and 142,000
// commas), so that decoding any file takes a few tens of megabytes at most.
const (
	maxFileObjects = 100_000   // JSON objects ({…}) in a file
	maxFileCommas  = 1_000_000 // commas between JSON values: array elements and object keys
)

// checkShape counts the objects and commas of data, outside strings, and refuses a file with
// more than a document at the limits can hold. It reads data once and allocates nothing.
func checkShape(data []byte) error {
	objects, commas := 0, 0
	inString, escaped := false, false
	for _, c := range data {
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == '{':
			objects++
		case c == ',':
			commas++
		}
	}
	if objects > maxFileObjects || commas > maxFileCommas {
		return fmt.Errorf("文件中的表格行和栏目过多（%d 个对象、%d 项），%w（%d 个对象、%d 项）", objects, commas, ErrLimit, maxFileObjects, maxFileCommas)
	}
	return nil
}

// decodeStrict decodes a current-version file, refusing unknown keys (they would be lost on save).
func decodeStrict(data []byte) (*Document, error) {
	var f fileDoc
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, &FileError{Reason: "文件内容不符合绩效自评文件格式（" + jsonProblem(data, err) + "）。", Err: err}
	}
	if dec.More() {
		return nil, &FileError{Reason: "文件末尾有多余内容，文件可能已损坏。"}
	}
	doc := &Document{Settings: f.Settings, Unit: f.Unit, Projects: f.Projects}
	if err := doc.normalize(); err != nil {
		return nil, &FileError{Reason: err.Error(), Err: err}
	}
	if err := doc.checkLimits(); err != nil {
		return nil, &FileError{Reason: err.Error() + "，文件可能已损坏。", Err: err}
	}
	return doc, nil
}

// NewerVersionError is a file saved by a newer program. Doc holds what this program could read
// of it (unknown parts are dropped), or nil; the editor shows it read-only, so the newer file is
// never overwritten with less than it holds.
type NewerVersionError struct {
	FileError
	Version int
	Doc     *Document
}

// Unwrap lets errors.As find the *FileError inside.
func (e *NewerVersionError) Unwrap() error { return &e.FileError }

func newerVersion(data []byte, version int) error {
	e := &NewerVersionError{Version: version}
	e.Reason = fmt.Sprintf("文件由更新版本的程序保存（格式版本 %d，本程序支持 %d），请升级程序后再打开。", version, FileVersion)
	var f fileDoc
	if json.Unmarshal(data, &f) == nil {
		doc := &Document{Settings: f.Settings, Unit: f.Unit, Projects: f.Projects}
		if doc.normalize() == nil && doc.checkLimits() == nil {
			e.Doc = doc
		}
	}
	return e
}

// jsonProblem says where the JSON went wrong, in Chinese.
func jsonProblem(data []byte, err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Sprintf("第 %d 行附近格式错误", lineOf(data, syn.Offset))
	case errors.As(err, &typ):
		return fmt.Sprintf("第 %d 行“%s”的值类型不对", lineOf(data, typ.Offset), typ.Field)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "文件在中途结束"
	}
	return "无法解析：" + err.Error()
}

func lineOf(data []byte, offset int64) int {
	if offset > int64(len(data)) {
		offset = int64(len(data))
	}
	return bytes.Count(data[:offset], []byte("\n")) + 1
}

// TooLargeReason is the refusal of a file of size bytes, larger than MaxFileSize: Unmarshal's,
// and storage.Load's, which refuses a file from its size before reading it.
func TooLargeReason(size int64) string {
	return fmt.Sprintf("文件过大（%s，上限 %d MB），不是绩效自评文件或已损坏。", sizeText(size), MaxFileSize>>20)
}

// sizeText is a file size for a message: "33.5 MB", or "超过 32 MB" for the MaxFileSize+1
// bytes that Load reads at most (a file that grew after it was measured).
func sizeText(size int64) string {
	if size == MaxFileSize+1 {
		return fmt.Sprintf("超过 %d MB", MaxFileSize>>20)
	}
	return fmt.Sprintf("%.1f MB", float64(size)/(1<<20))
}
