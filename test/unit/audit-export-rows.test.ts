import { columnsOf, flattenRow, safeCell } from '../../subgraphs/audit/src/export/csvRows';

describe('report rows as CSV', () => {
  it('flattens nested objects into dotted columns and joins plain lists', () => {
    expect(
      flattenRow({ breakGlassId: 'b1', user: { id: 'u1', name: 'Dr A' }, categories: ['identity', 'medications'], reviews: [{ outcome: 'APPROPRIATE' }], latestReview: null, accesses: 2 }),
    ).toEqual({ breakGlassId: 'b1', 'user.id': 'u1', 'user.name': 'Dr A', categories: 'identity; medications', latestReview: null, accesses: 2 });
  });
  it('lists every column any row has, in first-seen order', () => {
    expect(columnsOf([{ a: 1, b: 2 }, { a: 1, c: 3 }])).toEqual(['a', 'b', 'c']);
  });
  it('never lets a cell run as a spreadsheet formula', () => {
    expect(safeCell('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(safeCell('-1+2')).toBe("'-1+2");
    expect(safeCell('Dr A')).toBe('Dr A');
    expect(safeCell(5)).toBe(5);
  });
});
