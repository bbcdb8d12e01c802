// Package docs builds the accountants' documents into the program: the user manual
// (用户手册.md) and the scoring rules (scoring.md), as written in this folder, so that 帮助 shows
// the same text as the repository. It splits them into sections by heading, with the anchors
// GitHub gives the headings (the documents link to each other by them), and rewrites what a
// simple Markdown viewer cannot show (tables, links to files that are not built in).
package docs

import (
	_ "embed"
	"strings"
	"unicode"
)

//go:embed 用户手册.md
var manual string

//go:embed scoring.md
var rules string

// Doc is a document built into the program.
type Doc struct {
	File  string // its file name in docs/, as links name it
	Title string // what 帮助 calls it
	Text  string // its Markdown
}

// Manual and Rules are the file names of the two documents, for Get.
const (
	Manual = "用户手册.md"
	Rules  = "scoring.md"
)

// All are the documents, in menu order.
func All() []Doc {
	return []Doc{{File: Manual, Title: "用户手册", Text: manual}, {File: Rules, Title: "计分规则", Text: rules}}
}

// Get is the document named file, ok false when none is built in.
func Get(file string) (Doc, bool) {
	for _, d := range All() {
		if d.File == file {
			return d, true
		}
	}
	return Doc{}, false
}

// Section is a document from one heading to the next (the part before the first heading of
// level 2 belongs to the title's section).
type Section struct {
	Level  int    // 1 for the document's title, 2 or 3
	Title  string // the heading's text
	Anchor string // GitHub's anchor of the heading (Anchor)
	Text   string // the section's Markdown, its heading first
}

// Sections splits a Markdown document at its headings of levels 1 to 3 (not inside fenced
// code); joined, the sections' texts are the document.
func Sections(markdown string) []Section {
	var out []Section
	fenced := false
	for _, line := range strings.SplitAfter(markdown, "\n") {
		trimmed := strings.TrimRight(line, "\r\n")
		if strings.HasPrefix(trimmed, "```") {
			fenced = !fenced
		}
		if level, title := heading(trimmed); !fenced && level > 0 {
			out = append(out, Section{Level: level, Title: title, Anchor: Anchor(title)})
		} else if len(out) == 0 {
			out = append(out, Section{})
		}
		out[len(out)-1].Text += line
	}
	return out
}

// heading is the level and text of a Markdown heading line of level 1 to 3, 0 for another line.
func heading(line string) (int, string) {
	level := 0
	for level < len(line) && line[level] == '#' {
		level++
	}
	if level == 0 || level > 3 || level == len(line) || line[level] != ' ' {
		return 0, ""
	}
	return level, strings.NewReplacer("**", "", "`", "").Replace(strings.TrimSpace(line[level:]))
}

// Anchor is the anchor GitHub gives a heading: lower case, without punctuation and symbols
// (Chinese brackets and colons included), each space a hyphen ("7. 规则选项（文档设置 › 计分规则）"
// is "7-规则选项文档设置--计分规则").
func Anchor(title string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(title) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Mn, r):
			b.WriteRune(r)
		}
	}
	return b.String()
}
