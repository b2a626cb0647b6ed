"""The file kinds Juri reads, one module each, on kept libraries.

- :mod:`.book`: the model every kind is read into (a book of grids);
- :mod:`.common`: the limits, inspections and refusals they share;
- :mod:`.zipped` and :mod:`.members`: ZIP containers (xlsx, xlsb, ods) checked and unpacked
  with bounded memory; :mod:`.ole`: OLE2 containers (.xls, encrypted Office files) with
  olefile and msoffcrypto-tool;
- :mod:`.xlsx` (openpyxl), :mod:`.calamine` (python-calamine for .xls, .ods, .xlsb),
  completed by :mod:`.xls` (xlrd) and :mod:`.ods` (the XML, streamed into expat);
- CSV is :mod:`scoring.sheets.csvread`.

:mod:`scoring.sheets.safety` inspects an upload before any of them reads it;
:func:`scoring.sheets.grid.load_book` picks the reader.
"""
