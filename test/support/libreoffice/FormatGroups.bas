' LibreOffice Basic, run inside soffice by inspect.py (read_sheet): a sheet's sets of identically formatted cells,
' each with its protection, its validation and its ranges. From Python every group and its Validation object is a
' new remote object, about 1 ms apiece over the UNO bridge, which made this most of the time spent reading a sheet;
' here they are read in soffice's own process and cross the bridge once, as nested arrays.
'
' One array per group: IsLocked, IsFormulaHidden, validation Type and Operator (enum ordinals), Formula1, Formula2,
' IgnoreBlankCells, ShowList, ShowErrorMessage, ErrorTitle, ErrorMessage, and the ranges as
' (StartRow, EndRow, StartColumn, EndColumn), 0-based.
Function FormatGroups(oSheet As Object) As Variant
  Dim oFormats As Object, oGroup As Object, oProtection As Object, oValidation As Object
  Dim aGroups() As Variant, aRanges() As Variant, aAddresses As Variant
  Dim nGroups As Long, i As Long, j As Long
  oFormats = oSheet.getUniqueCellFormatRanges()
  nGroups = oFormats.getCount()
  ReDim aGroups(nGroups - 1)
  For i = 0 To nGroups - 1
    oGroup = oFormats.getByIndex(i)
    oProtection = oGroup.CellProtection
    oValidation = oGroup.Validation
    aAddresses = oGroup.getRangeAddresses()
    ReDim aRanges(UBound(aAddresses))
    For j = 0 To UBound(aAddresses)
      With aAddresses(j)
        aRanges(j) = Array(.StartRow, .EndRow, .StartColumn, .EndColumn)
      End With
    Next j
    aGroups(i) = Array(oProtection.IsLocked, oProtection.IsFormulaHidden, oValidation.Type, _
      oValidation.getOperator(), oValidation.getFormula1(), oValidation.getFormula2(), _
      oValidation.IgnoreBlankCells, oValidation.ShowList, oValidation.ShowErrorMessage, _
      oValidation.ErrorTitle, oValidation.ErrorMessage, aRanges)
  Next i
  FormatGroups = aGroups
End Function
