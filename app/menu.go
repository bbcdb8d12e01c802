package app

import (
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"ziping/docs"
)

// shortcut is Ctrl+key (Cmd+key on macOS), with Shift when shift is true.
func shortcut(key fyne.KeyName, shift bool) *desktop.CustomShortcut {
	mod := fyne.KeyModifierShortcutDefault
	if shift {
		mod |= fyne.KeyModifierShift
	}
	return &desktop.CustomShortcut{KeyName: key, Modifier: mod}
}

// command is one action of the toolbar, the menu and the keyboard.
type command struct {
	label string // toolbar text; the menu adds "…" when ellipsis is set
	icon  fyne.Resource
	key   *desktop.CustomShortcut // nil when there is no shortcut
	run   func()
	// ellipsis marks commands that ask something before they act.
	ellipsis bool
	// menuOnly commands are in the 文件 menu but not on the toolbar.
	menuOnly bool
	// submit marks the menu-only commands that make what is sent besides the tables (the
	// report, the package): the 文件 menu lists them after the exports, not with the import.
	submit bool
}

// commands are the file commands, in toolbar and menu order; the menuOnly ones at the end go
// to the 文件 menu after 从上年复制.
func (w *Window) commands() []command {
	return []command{
		{label: "新建", icon: theme.DocumentCreateIcon(), key: shortcut(fyne.KeyN, false), run: w.guarded("新建", w.New)},
		{label: "打开", icon: theme.FolderOpenIcon(), key: shortcut(fyne.KeyO, false), run: w.guarded("打开", w.OpenDialog), ellipsis: true},
		{label: "保存", icon: theme.DocumentSaveIcon(), key: shortcut(fyne.KeyS, false), run: w.guarded("保存", w.Save)},
		{label: "另存为", icon: theme.ContentCopyIcon(), key: shortcut(fyne.KeyS, true), run: w.guarded("另存为", w.SaveAs), ellipsis: true},
		{label: "导出 PDF", icon: theme.DownloadIcon(), key: shortcut(fyne.KeyE, false), run: w.guarded("导出 PDF", w.ExportPDF), ellipsis: true},
		{label: "导出 Excel", icon: theme.GridIcon(), key: shortcut(fyne.KeyE, true), run: w.guarded("导出 Excel", w.ExportXLSX), ellipsis: true},
		{label: "打印预览", icon: theme.VisibilityIcon(), key: shortcut(fyne.KeyP, true), run: w.guarded("打印预览", w.ShowPreview)},
		{label: "打印", icon: theme.DocumentPrintIcon(), key: shortcut(fyne.KeyP, false), run: w.guarded("打印", w.Print), ellipsis: true},
		{label: "导入 Excel", icon: theme.UploadIcon(), run: w.guarded("导入 Excel", w.ImportExcel), ellipsis: true, menuOnly: true},
		{label: "导出导入模板", icon: theme.FileIcon(), run: w.guarded("导出导入模板", w.ExportTemplate), ellipsis: true, menuOnly: true},
		{label: "导出自评报告", icon: theme.DocumentIcon(), run: w.guarded("导出自评报告", w.ExportReport), ellipsis: true, menuOnly: true, submit: true},
		{label: "打包报送", icon: theme.MailSendIcon(), run: w.guarded("打包报送", w.Pack), ellipsis: true, menuOnly: true, submit: true},
	}
}

// firstOutput is the index in commands of the first command that writes the document out
// (导出 PDF): the toolbar and the menu separate the file commands from these.
const firstOutput = 4

func (c command) menuItem() *fyne.MenuItem {
	label := c.label
	if c.ellipsis {
		label += "…"
	}
	item := fyne.NewMenuItem(label, c.run)
	item.Icon = c.icon
	if c.key != nil {
		// Shown in the menu; Fyne's menu bar also runs it while an entry has the focus,
		// which the canvas shortcuts of addShortcuts do not.
		item.Shortcut = c.key
	}
	return item
}

// toolbar is a row of flat buttons with an icon and a Chinese label: Fyne's Toolbar shows
// icons only, with no tooltips, which accountants would have to guess.
func (w *Window) toolbar() fyne.CanvasObject {
	row := container.NewHBox()
	for i, c := range w.commands() {
		if c.menuOnly {
			continue
		}
		if i == firstOutput {
			row.Add(widget.NewSeparator())
		}
		b := widget.NewButtonWithIcon(c.label, c.icon, c.run)
		b.Importance = widget.LowImportance
		row.Add(b)
	}
	row.Add(widget.NewSeparator())
	row.Add(w.projectsButton())
	check := widget.NewButtonWithIcon("检查与得分", theme.ConfirmIcon(), w.showChecks)
	check.Importance = widget.LowImportance
	row.Add(check)
	row.Add(w.saveIndicator())
	return row
}

// menu is the main menu: 文件, 视图, 帮助. It is rebuilt when the recent files or the theme
// change.
func (w *Window) menu() *fyne.MainMenu {
	cmds := w.commands()
	var out, in, submit []*fyne.MenuItem
	for _, c := range cmds[firstOutput:] {
		switch {
		case c.submit:
			submit = append(submit, c.menuItem())
		case c.menuOnly:
			in = append(in, c.menuItem())
		default:
			out = append(out, c.menuItem())
		}
	}
	items := []*fyne.MenuItem{
		cmds[0].menuItem(), cmds[1].menuItem(), w.recentMenu(),
		fyne.NewMenuItem("从上年复制…", w.guarded("从上年复制", w.CopyFromLastYear)),
	}
	items = append(items, in...)
	items = append(items,
		fyne.NewMenuItemSeparator(),
		cmds[2].menuItem(), cmds[3].menuItem(),
		fyne.NewMenuItemSeparator(),
	)
	items = append(items, out...)
	items = append(items, fyne.NewMenuItemSeparator())
	items = append(items, submit...)
	items = append(items,
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("部门汇总…", w.guarded("部门汇总", w.ShowSummary)),
		fyne.NewMenuItemSeparator(),
		w.quitItem(),
	)
	file := fyne.NewMenu("文件", items...)
	checks := fyne.NewMenuItem("检查结果", w.showChecks)
	checks.Icon = theme.ConfirmIcon()
	dark := w.isDark()
	light := fyne.NewMenuItem("浅色主题", func() { w.setDark(false) })
	light.Checked = !dark
	darkItem := fyne.NewMenuItem("深色主题", func() { w.setDark(true) })
	darkItem.Checked = dark
	view := fyne.NewMenu("视图", append(w.goItems(checks), light, darkItem)...)
	help := fyne.NewMenu("帮助",
		fyne.NewMenuItem("用户手册", func() { w.ShowHelp(docs.Manual, "") }),
		fyne.NewMenuItem("计分规则", func() { w.ShowHelp(docs.Rules, "") }),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("关于"+AppName, w.showAbout))
	return fyne.NewMainMenu(file, w.editMenu(), view, help)
}

// quitItem is 文件 › 退出 (Ctrl+Q): it closes the window as its close button does, asking
// about unsaved changes first (closeRequested); the window is the master window, so the print
// preview and 部门汇总 close with it, and the program ends. (Without an action, Fyne would close
// every window at once, the preview even when the question is answered 取消.)
func (w *Window) quitItem() *fyne.MenuItem {
	q := fyne.NewMenuItem("退出", w.closeRequested)
	q.IsQuit = true
	q.Shortcut = shortcut(fyne.KeyQ, false)
	return q
}

// recentMenu is 文件 › 最近打开 ›, listing the recent files with their folders.
func (w *Window) recentMenu() *fyne.MenuItem {
	var items []*fyne.MenuItem
	for i, p := range w.recentFiles() {
		label := fmt.Sprintf("%d  %s（%s）", i+1, filepath.Base(p), filepath.Dir(p))
		items = append(items, fyne.NewMenuItem(label, func() { w.openRecent(p) }))
	}
	if len(items) == 0 {
		none := fyne.NewMenuItem("（无）", nil)
		none.Disabled = true
		items = append(items, none)
	} else {
		items = append(items, fyne.NewMenuItemSeparator(), fyne.NewMenuItem("清除列表", func() { w.setRecent(nil) }))
	}
	m := fyne.NewMenuItem("最近打开", nil)
	m.ChildMenu = fyne.NewMenu("", items...)
	return m
}

// addShortcuts registers Ctrl+N/O/S, Ctrl+Shift+S, Ctrl+E, Ctrl+Shift+E, Ctrl+P and Ctrl+Shift+P
// (Cmd on macOS) on the canvas, for when no entry has the focus; the menu items carry the same
// shortcuts. Ctrl+Z and Ctrl+Y are the 编辑 menu's alone (editMenu). The keys that no menu
// item carries are the canvas's and the fields' (windowShortcut): Ctrl+Tab and Ctrl+Shift+Tab
// go to the next and previous field, Ctrl+Shift+Z is 重做; Enter and Esc answer dialogs.
func (w *Window) addShortcuts() {
	c := w.Win.Canvas()
	for _, cmd := range w.commands() {
		if cmd.key == nil {
			continue
		}
		run := cmd.run
		c.AddShortcut(cmd.key, func(fyne.Shortcut) { run() })
	}
	for _, s := range []fyne.Shortcut{nextFieldKey, prevFieldKey, redoKey} {
		c.AddShortcut(s, func(s fyne.Shortcut) { w.windowShortcut(s) })
	}
	dialogKeys(w.Win, nil)
}

// showChecks selects the tab listing the document's errors and warnings.
func (w *Window) showChecks() {
	if w.Checks != nil {
		w.Tabs.Select(w.Checks.item())
	}
}

// isDark reports whether the dark variant of our theme is in use.
func (w *Window) isDark() bool {
	t, ok := w.App.Settings().Theme().(*cjkTheme)
	return ok && t.dark
}

// prefDark is the preference that remembers the theme between runs.
const prefDark = "theme.dark"

func (w *Window) setDark(dark bool) {
	w.App.Settings().SetTheme(NewTheme(dark))
	w.App.Preferences().SetBool(prefDark, dark)
	w.Win.SetMainMenu(w.menu())
}
