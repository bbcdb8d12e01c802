package app

import (
	"fmt"
	"runtime/debug"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"ziping/assets"
)

// AppDescription is the one-line description of the program.
const AppDescription = "填写部门（单位）整体绩效自评表与预算项目（政策）绩效目标自评表，计算得分、检查错误，并导出正式表格 PDF。"

// licence is one open-source module built into the program: its path, its licence and what
// the program uses it for.
type licence struct {
	module, licence, use string
}

// licences are the modules linked into the program (`go version -m ziping` lists them), the
// ones the program imports itself first. The licence of each was read in its LICENSE file
// in the module cache.
var licences = []licence{
	{"fyne.io/fyne/v2", "BSD 3-Clause", "图形界面"},
	{"codeberg.org/go-pdf/fpdf", "MIT", "PDF 输出"},
	{"github.com/shopspring/decimal", "MIT", "金额、比率和得分的精确十进制计算"},
	{"github.com/go-text/typesetting", "BSD 3-Clause 或 Unlicense（任选）", "中文断行、字体读取"},
	{"golang.org/x/image", "BSD 3-Clause", "读取字体字形宽度"},
	{"github.com/ncruces/zenity", "MIT", "系统自带的打开、保存文件对话框（Windows、macOS；Linux 上装有 zenity 时）"},
	{"Go 标准库与运行时", "BSD 3-Clause", ""},
	{"github.com/go-gl/glfw/v3.3/glfw（含 GLFW 3.3，本程序修改了输入法按键顺序，见 third_party/go-gl-glfw）", "BSD 3-Clause；其中的 GLFW 为 zlib/libpng", "窗口、键盘和鼠标（Fyne 使用）"},
	{"github.com/go-gl/gl", "MIT", "OpenGL 绘制（Fyne 使用）"},
	// Not linked: DLLs beside the Windows exe (assets/windows/mesa/README.md).
	{"Mesa 3D 图形库（22.3.6 版，仅 Windows 版，在程序的 mesa 文件夹里，不链接进程序）", "MIT，部分文件为其他宽松许可，全文见 mesa\\LICENSE-mesa.txt", "显卡驱动不支持 OpenGL 2.1 时绘制窗口（软件渲染）"},
	{"fyne.io/systray", "Apache 2.0", "Fyne 使用"},
	{"github.com/BurntSushi/toml", "MIT", "Fyne 使用"},
	{"github.com/fredbi/uri", "MIT", "Fyne 使用"},
	{"github.com/fsnotify/fsnotify", "BSD 3-Clause", "Fyne 使用"},
	{"github.com/fyne-io/image", "BSD 3-Clause", "Fyne 使用"},
	{"github.com/fyne-io/oksvg", "BSD 3-Clause", "Fyne 使用"},
	{"github.com/go-text/render", "BSD 3-Clause 或 Unlicense（任选）", "Fyne 使用"},
	{"github.com/godbus/dbus/v5", "BSD 2-Clause", "Fyne 使用（Linux）"},
	{"github.com/jeandeaual/go-locale", "MIT", "Fyne 使用"},
	{"github.com/jsummers/gobmp", "MIT", "Fyne 使用"},
	{"github.com/nfnt/resize", "ISC", "Fyne 使用"},
	{"github.com/nicksnyder/go-i18n/v2", "MIT", "Fyne 使用"},
	{"github.com/rymdport/portal", "Apache 2.0", "Fyne 使用（Linux）"},
	{"github.com/srwiley/oksvg", "BSD 3-Clause", "Fyne 使用"},
	{"github.com/srwiley/rasterx", "BSD 3-Clause", "Fyne 使用"},
	{"github.com/yuin/goldmark", "MIT", "Fyne 使用"},
	{"github.com/xuri/excelize/v2", "BSD 3-Clause", "Excel 导出"},
	{"github.com/xuri/efp", "BSD 3-Clause", "Excel 公式解析（excelize 使用）"},
	{"github.com/xuri/nfp", "BSD 3-Clause", "Excel 数字格式（excelize 使用）"},
	{"github.com/richardlehane/mscfb", "Apache 2.0", "读取旧式 Office 文件结构（excelize 使用）"},
	{"github.com/richardlehane/msoleps", "Apache 2.0", "读取 Office 文件属性（excelize 使用）"},
	{"github.com/tiendc/go-deepcopy", "MIT", "excelize 使用"},
	{"golang.org/x/crypto", "BSD 3-Clause", "加密工作簿的读取（excelize 使用）"},
	{"golang.org/x/net、golang.org/x/sys、golang.org/x/text", "BSD 3-Clause", "Fyne 和 excelize 使用"},
}

// aboutDialog is 帮助 › 关于: the name, version and description of the program, then the
// licences of the modules built into it and the full licence of the embedded fonts, which the
// SIL Open Font License 1.1 asks to accompany the program.
type aboutDialog struct {
	Head     *widget.Label // name, version, description
	Licences *widget.Label // read-only, selectable, in a scroll
	dialog   dialog.Dialog
}

func newAboutDialog(w *Window) *aboutDialog {
	a := &aboutDialog{}
	head := AppName + "　版本 " + versionText(w.Version)
	if w.Renderer != "" {
		head += "　" + w.Renderer
	}
	a.Head = widget.NewLabel(head + "\n" + AppDescription)
	a.Head.Wrapping = fyne.TextWrapWord
	a.Licences = widget.NewLabel(licenceText())
	a.Licences.Wrapping = fyne.TextWrapWord
	a.Licences.Selectable = true
	scroll := container.NewVScroll(a.Licences)
	scroll.SetMinSize(fyne.NewSize(640, 360))
	a.dialog = dialog.NewCustom("关于"+AppName, "关闭", container.NewBorder(a.Head, nil, nil, nil, scroll), w.Win)
	return a
}

// showAbout shows the 关于 dialog over the window.
func (w *Window) showAbout() {
	newAboutDialog(w).dialog.Show()
}

// versionText is the version (Window.Version) as shown to the user. The package version of FyneApp.toml is left
// out: builds made without the fyne command report Fyne's default 0.0.1 for it.
func versionText(version string) string {
	if version == "dev" || version == "" {
		return "开发版"
	}
	return version
}

// licenceText lists the modules with their licences and versions (from the build information,
// when the binary has it), then the licence of the fonts.
func licenceText() string {
	versions := map[string]string{}
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, d := range info.Deps {
			versions[d.Path] = d.Version
		}
	}
	var b strings.Builder
	b.WriteString("本程序使用了下列开源模块（许可证全文见各模块的 LICENSE 文件）：\n\n")
	for _, l := range licences {
		b.WriteString("• " + l.module)
		if v := versions[l.module]; v != "" {
			b.WriteString(" " + v)
		}
		b.WriteString("：" + l.licence)
		if l.use != "" {
			b.WriteString("。" + l.use)
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "\n本程序内置思源（Noto）中文字体 Noto Serif SC、Noto Sans SC，依照 SIL Open Font License 1.1 使用和分发，许可全文如下：\n\n%s\n", assets.FontLicense)
	return b.String()
}
