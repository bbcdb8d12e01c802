package xlsxout

import "ziping/pdfout"

// widths are the printed forms' column widths: each sheet has the PDF's proportions.
var widths = pdfout.FormWidths()
