package xlsxout

import "ziping/tables"

// widths are the printed forms' column widths: each sheet has the PDF's proportions.
var widths = tables.FormWidths()
