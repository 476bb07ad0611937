import { describe, expect, it } from 'vitest';
import { idCheckCharacter } from './id-number.ts';
import { duplicatesInFile, validateRow, type RawRow, type RowContext } from './import-rows.ts';

const ctx: RowContext = {
  unit: (ref) =>
    ref === '西兴社区' || ref === '350802003004'
      ? { id: 50, inScope: true }
      : ref === '青草盂社区'
        ? { id: 60, inScope: false }
        : undefined,
  category: (name) => ({ 文化宣传: 2, 教育辅导: 7 })[name],
  currentYear: 2026,
};
const id = `35080219580314002${idCheckCharacter('35080219580314002')}`;
const good: RawRow = {
  kind: '党员',
  name: '张婉珍',
  gender: '女',
  birthYear: '1958',
  phone: '139 0597 0101',
  idNumber: id,
  unit: '西兴社区',
  categories: '文化宣传、教育辅导',
};

describe('validating an import row', () => {
  it('reads 预备党员 as 是/否 (empty: 否), for party members only', () => {
    const clean = (raw: RawRow) => ('clean' in validateRow(2, raw, ctx) ? validateRow(2, raw, ctx) : null);
    expect(clean({ ...good, probationary: '是' })).toEqual({ clean: expect.objectContaining({ probationary: true }) });
    expect(clean({ ...good, probationary: '否' })).toEqual({ clean: expect.objectContaining({ probationary: false }) });
    expect(clean(good)).toEqual({ clean: expect.objectContaining({ probationary: false }) });
    expect(validateRow(2, { ...good, probationary: '也许' }, ctx)).toEqual({
      errors: [expect.objectContaining({ column: 'probationary', problem: 'invalidProbationary' })],
    });
    expect(validateRow(2, { ...good, kind: '专业技术人才', probationary: '是' }, ctx)).toEqual({
      errors: [expect.objectContaining({ column: 'probationary', problem: 'invalidProbationary' })],
    });
  });

  it('turns a good row into a clean record', () => {
    const r = validateRow(2, good, ctx);
    expect(r).toEqual({
      clean: expect.objectContaining({
        kind: 'party_member',
        phone: '13905970101',
        unitId: 50,
        categoryIds: [2, 7],
        birthYear: 1958,
      }),
    });
  });

  it('reports each bad cell with its column and reason', () => {
    const r = validateRow(
      7,
      { ...good, kind: '群众', phone: '1234', idNumber: '350802195803140021', unit: '青草盂社区', categories: '舞蹈' },
      ctx,
    );
    expect('errors' in r && r.errors.map((e) => `${e.row}:${e.column}:${e.problem}`)).toEqual([
      '7:kind:invalidKind',
      '7:phone:invalidPhone',
      '7:idNumber:invalidIdNumber',
      '7:unit:unitOutOfScope',
      '7:categories:unknownCategory',
    ]);
  });

  it('requires kind, name, phone and unit', () => {
    const r = validateRow(3, {}, ctx);
    expect('errors' in r && r.errors.map((e) => e.problem)).toEqual(['required', 'required', 'required', 'required']);
  });

  it('catches an ID number whose birth year disagrees with the birth year column', () => {
    const r = validateRow(4, { ...good, birthYear: '1960' }, ctx);
    expect('errors' in r && r.errors[0]).toMatchObject({ column: 'birthYear', problem: 'idNumberYearMismatch' });
  });
});

describe('duplicates within a file', () => {
  it('keep the first row and report later ones by ID number, then by phone', () => {
    const rows = [
      { row: 2, phone: '13900000001', idNumber: 'A' },
      { row: 3, phone: '13900000002', idNumber: 'A' },
      { row: 4, phone: '13900000001', idNumber: null },
      { row: 5, phone: '13900000003', idNumber: null },
    ];
    expect(duplicatesInFile(rows)).toEqual([
      { row: 3, column: 'idNumber', problem: 'duplicateInFile', other: 2 },
      { row: 4, column: 'phone', problem: 'duplicateInFile', other: 2 },
    ]);
  });
});
