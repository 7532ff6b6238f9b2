import { z } from 'zod';
import type { Category } from '../model/types';
import type { TemplateColumn } from '../template/generations';
import { isRealDate, isRealMonth } from '../util/dates';

/**
 * zod row schemas built from a generation's field table: presence per category, length, and the formats of
 * digit codes, dates and months. Each check's message is the id of the rule it implements: zod's own messages are
 * written for developers, so the report renders the catalogue's staff-facing text instead.
 */
export type RowSchema = z.ZodObject<Record<string, z.ZodType<string>>>;

const codePoints = (value: string): number => {
  let count = 0;
  for (const _ of value) count++;
  return count;
};

function fieldSchema(column: TemplateColumn, category: Category): z.ZodType<string> {
  const { definition } = column;
  const presence = column.presence[category];
  let schema = z.string();
  if (presence === 'required') schema = schema.min(1, { error: 'field.required' });
  if (presence === 'empty') schema = schema.max(0, { error: 'field.mustBeEmpty' });
  const max = definition.maxLength;
  // Dates, months and fixed-width codes get one format message instead of a length message as well.
  const hasFormat = definition.kind === 'date' || definition.kind === 'month' || definition.digits !== undefined;
  let checked = hasFormat
    ? schema
    : schema.refine((value) => value.length <= max || codePoints(value) <= max, { error: 'field.tooLong' });
  if (definition.kind === 'digits' && definition.digits !== undefined) {
    const pattern = new RegExp(`^\\d{${definition.digits}}$`);
    checked = checked.refine((value) => value === '' || pattern.test(value), { error: 'field.digits' });
  }
  if (definition.kind === 'date') checked = checked.refine((value) => value === '' || isRealDate(value), { error: 'date.invalid' });
  if (definition.kind === 'month') checked = checked.refine((value) => value === '' || isRealMonth(value), { error: 'month.invalid' });
  return checked;
}

export function buildRowSchema(columns: readonly TemplateColumn[], category: Category): RowSchema {
  const shape: Record<string, z.ZodType<string>> = {};
  for (const column of columns) shape[column.code] = fieldSchema(column, category);
  return z.object(shape);
}

const cache = new Map<string, RowSchema>();

/** Schemas are built once per (generation, category, present columns). */
export function rowSchemaFor(key: string, columns: readonly TemplateColumn[], category: Category): RowSchema {
  let schema = cache.get(key);
  if (!schema) {
    schema = buildRowSchema(columns, category);
    cache.set(key, schema);
  }
  return schema;
}
