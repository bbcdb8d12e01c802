module ziping/tools/docxeval

go 1.26.0

require (
	github.com/fumiama/go-docx v0.0.0-20250506085032-0c30fd09304b
	github.com/gomutex/godocx v0.1.6-0.20250811222946-aefd2d814cd1
	github.com/nguyenthenguyen/docx v0.0.0-20230621112118-9c8e795a11db
)

require github.com/fumiama/imgsz v0.0.2 // indirect
