package report

import (
	"html"
	"strings"
)

// The .docx is filled at the level of its XML text, not through a parsed model: whatever the
// template holds that this package does not understand (styles, a letterhead's drawings, WPS's
// own elements, bookmarks, fields) is copied byte for byte. These helpers cut a run of sibling
// elements into its elements and look inside a paragraph or a run.

// elements splits s, a sequence of sibling XML elements (with text or white space between),
// into pieces each ending after one top-level element; text after the last one is a piece of
// its own. Comments and processing instructions stay inside the piece they appear in.
func elements(s string) []string {
	var out []string
	depth, start, i := 0, 0, 0
	for i < len(s) {
		j := strings.IndexByte(s[i:], '<')
		if j < 0 {
			break
		}
		i += j
		end := tagEnd(s, i)
		tag := s[i:end]
		switch {
		case strings.HasPrefix(tag, "<?") || strings.HasPrefix(tag, "<!"):
		case strings.HasPrefix(tag, "</"):
			depth--
		case strings.HasSuffix(tag, "/>"):
			// an empty element: depth unchanged
		default:
			depth++
		}
		i = end
		if depth == 0 && !strings.HasPrefix(tag, "<?") && !strings.HasPrefix(tag, "<!") {
			out = append(out, s[start:i])
			start = i
		}
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// tagEnd is the index just after the tag (or comment) that starts at s[i].
func tagEnd(s string, i int) int {
	closer := ">"
	if strings.HasPrefix(s[i:], "<!--") {
		closer = "-->"
	}
	j := strings.Index(s[i:], closer)
	if j < 0 {
		return len(s)
	}
	return i + j + len(closer)
}

// nameOf is the element name of piece e ("w:p", "w:tbl"), or "" for text.
func nameOf(e string) string {
	e = strings.TrimLeft(e, " \t\r\n")
	if !strings.HasPrefix(e, "<") || strings.HasPrefix(e, "</") {
		return ""
	}
	end := strings.IndexAny(e, " \t\r\n/>")
	if end < 0 {
		return ""
	}
	return e[1:end]
}

// split cuts element e into its start tag, its content and its end tag ("" for an empty one).
func split(e string) (open, inner, closing string) {
	lead := len(e) - len(strings.TrimLeft(e, " \t\r\n"))
	end := tagEnd(e, lead)
	open = e[:end]
	if strings.HasSuffix(open, "/>") {
		return open, "", e[end:]
	}
	c := strings.LastIndex(e, "</")
	if c < end {
		return open, e[end:], ""
	}
	return open, e[end:c], e[c:]
}

// runText is the text of a run that holds only text (w:t) after its properties, and whether it
// is such a run; a run with a tab, a break, a field or a drawing is not, and is copied as it is.
func runText(inner string) (rPr, text string, ok bool) {
	var b strings.Builder
	for _, c := range elements(inner) {
		switch nameOf(c) {
		case "w:rPr":
			rPr = c
		case "w:t":
			_, t, _ := split(c)
			b.WriteString(html.UnescapeString(t))
		case "":
			if strings.TrimSpace(c) != "" {
				return "", "", false
			}
		default:
			return "", "", false
		}
	}
	return strings.TrimSpace(rPr), b.String(), true
}

// paragraphChildren are the children of paragraph p, each run that holds more than one thing
// (a tab and text, text and a break) split into runs of one thing each with the same
// properties, so that its text can be filled like any other run's.
func paragraphChildren(p string) []string {
	_, inner, _ := split(p)
	var out []string
	for _, c := range elements(inner) {
		if nameOf(c) != "w:r" {
			out = append(out, c)
			continue
		}
		out = append(out, splitRun(c)...)
	}
	return out
}

// splitRun is run r as runs of one child each, or r itself when it holds at most one.
func splitRun(r string) []string {
	open, inner, closing := split(r)
	if closing == "" {
		return []string{r}
	}
	rPr := ""
	var things []string
	for _, c := range elements(inner) {
		switch nameOf(c) {
		case "w:rPr":
			rPr = strings.TrimSpace(c)
		case "":
			if strings.TrimSpace(c) != "" {
				return []string{r}
			}
		default:
			things = append(things, strings.TrimSpace(c))
		}
	}
	if len(things) <= 1 {
		return []string{r}
	}
	out := make([]string, len(things))
	for i, t := range things {
		out[i] = open + rPr + t + closing
	}
	return out
}

// paragraphText is the text of a paragraph's text runs, as Word shows it.
func paragraphText(p string) string {
	var b strings.Builder
	for _, c := range paragraphChildren(p) {
		if nameOf(c) == "w:r" {
			_, ri, _ := split(c)
			if _, t, ok := runText(ri); ok {
				b.WriteString(t)
			}
		}
	}
	return b.String()
}

// eachParagraph calls f on every paragraph in s (a header, a footer, a table), replacing it by
// what f returns; paragraphs inside paragraphs (text boxes) are left to the outer one's run copy.
func eachParagraph(s string, f func(p string) (string, error)) (string, error) {
	var b strings.Builder
	for _, e := range elements(s) {
		switch nameOf(e) {
		case "w:p":
			out, err := f(e)
			if err != nil {
				return "", err
			}
			b.WriteString(out)
		case "":
			b.WriteString(e)
		default:
			open, inner, closing := split(e)
			in, err := eachParagraph(inner, f)
			if err != nil {
				return "", err
			}
			b.WriteString(open + in + closing)
		}
	}
	return b.String(), nil
}
