import type * as exceljs from 'exceljs';

/**
 * exceljs, loaded on first use: with its zip and stream libraries it is about 350 modules, a large
 * part of the service's start-up, for the few requests that read or write a workbook.
 *
 * exceljs is CommonJS whose entry re-exports another file: imported, its classes are `default`
 * (and, in the compiled build, also named). One name that works under both.
 */
export async function loadExcelJS(): Promise<typeof exceljs> {
  const loaded = (await import('exceljs')) as typeof exceljs & { default?: typeof exceljs };
  return loaded.default ?? loaded;
}
