package docs

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// ForScreen is a section's Markdown as a simple viewer shows it (Fyne's RichText knows no
// tables, and puts a space at each line break of a paragraph, between Chinese characters too):
// a table becomes a list, one item per row, "**first cell**：header：cell；…"; the lines of a
// paragraph or list item are joined (with a space only between Latin letters or digits); an item
// of a list within a list becomes an item of the outer one; a link
// to a file that is not built in (the README, DEVELOPING.md) becomes its text; a note for
// developers ("*Developer note.* …" to the end of its paragraph) is left out.
func ForScreen(markdown string) string {
	lines := strings.Split(markdown, "\n")
	var out []string
	fenced := false
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		fence := strings.HasPrefix(line, "```")
		fenced = fenced != fence
		switch {
		case fenced || fence:
			out = append(out, line)
		case continues(line) && len(out) > 0 && joins(out[len(out)-1]):
			out[len(out)-1] = joinLine(out[len(out)-1], localLinks(strings.TrimSpace(line)))
		case nestedItem.MatchString(line):
			out = append(out, localLinks(strings.TrimLeft(line, " \t")))
		case tableAt(lines, i):
			var items []string
			items, i = tableItems(lines, i)
			out = append(out, items...)
		case strings.HasPrefix(line, developerNote):
			i = paragraphEnd(lines, i)
		default:
			out = append(out, localLinks(line))
		}
	}
	return strings.Join(out, "\n")
}

// developerNote begins a paragraph for developers, which the screen leaves out.
const developerNote = "*Developer note.*"

// tableAt reports whether a table begins at lines[i]: a row, then the rule under its header.
func tableAt(lines []string, i int) bool {
	return isTableRow(lines[i]) && i+1 < len(lines) && isRule(lines[i+1])
}

// tableItems are the rows of the table that begins at lines[i] as list items (listItem), and
// the index of its last line.
func tableItems(lines []string, i int) (items []string, last int) {
	header := cells(lines[i])
	for i += 2; i < len(lines) && isTableRow(lines[i]); i++ {
		items = append(items, listItem(header, cells(lines[i])))
	}
	return items, i - 1
}

// paragraphEnd is the index of the last line of the paragraph that lines[i] is in.
func paragraphEnd(lines []string, i int) int {
	for i+1 < len(lines) && strings.TrimSpace(lines[i+1]) != "" {
		i++
	}
	return i
}

func isTableRow(line string) bool { return strings.HasPrefix(strings.TrimSpace(line), "|") }

// blockStart is the beginning of a line that starts a block of its own: a heading, a list item,
// a table row, a quotation, a fence.
var blockStart = regexp.MustCompile("^\\s*([#|>]|[-*+] |\\d+\\. |```)")

// nestedItem is an item of a list within a list: Fyne's RichText sets it on the line of the item
// above, so ForScreen makes it an item of the outer list.
var nestedItem = regexp.MustCompile(`^\s+[-*+] `)

// continues reports whether line goes on with the paragraph or list item above it.
func continues(line string) bool {
	return strings.TrimSpace(line) != "" && !blockStart.MatchString(line)
}

// joins reports whether a line of the output takes the next line of its paragraph: a line of
// text or a list item, not a heading or a blank line.
func joins(prev string) bool {
	t := strings.TrimSpace(prev)
	return t != "" && !strings.HasPrefix(t, "#") && !strings.HasPrefix(t, "|") && !strings.HasPrefix(t, "```")
}

// joinLine is prev and next as one line: a space between them only where both sides are
// Latin (a Chinese line break is no space).
func joinLine(prev, next string) string {
	a, _ := utf8.DecodeLastRuneInString(prev)
	b, _ := utf8.DecodeRuneInString(next)
	if a < utf8.RuneSelf && b < utf8.RuneSelf {
		return prev + " " + next
	}
	return prev + next
}

// tableRule is the line under a table's header: "| --- | :---: |".
var tableRule = regexp.MustCompile(`^\s*\|?(\s*:?-{3,}:?\s*\|)+\s*(:?-{3,}:?\s*)?$`)

func isRule(line string) bool { return tableRule.MatchString(line) }

// cells are the cells of a table row, trimmed.
func cells(line string) []string {
	line = strings.TrimSpace(line)
	line = strings.TrimSuffix(strings.TrimPrefix(line, "|"), "|")
	parts := strings.Split(line, "|")
	for i, p := range parts {
		parts[i] = strings.TrimSpace(p)
	}
	return parts
}

// listItem is a table row as a list item, each cell after the first named by its header.
func listItem(header, row []string) string {
	if len(row) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("- **" + strings.ReplaceAll(row[0], "**", "") + "**")
	sep := "："
	for j := 1; j < len(row); j++ {
		if row[j] == "" {
			continue
		}
		b.WriteString(sep)
		if len(row) > 2 && j < len(header) && header[j] != "" {
			b.WriteString(header[j] + "：")
		}
		b.WriteString(row[j])
		sep = "；"
	}
	return b.String()
}

// link is a Markdown link: its text and its destination.
var link = regexp.MustCompile(`\[([^\]]*)\]\(([^)\s]*)\)`)

// localLinks replaces each link of line to a file not built in by the link's text.
func localLinks(line string) string {
	return link.ReplaceAllStringFunc(line, func(l string) string {
		m := link.FindStringSubmatch(l)
		dest := m[2]
		if strings.Contains(dest, "://") || strings.HasPrefix(dest, "#") || strings.HasPrefix(dest, "mailto:") {
			return l
		}
		file, _, _ := strings.Cut(dest, "#")
		if _, ok := Get(file); ok {
			return l
		}
		return m[1]
	})
}
