import * as exceljs from 'exceljs';

/**
 * exceljs is CommonJS whose entry re-exports another file. The compiled CommonJS build sees its
 * classes directly; jest's ES-module loader offers the same object only as `default`. One name
 * that works under both.
 */
export const ExcelJS: typeof exceljs = (exceljs as typeof exceljs & { default?: typeof exceljs }).default ?? exceljs;
