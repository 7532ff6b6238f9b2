import { z } from 'zod';

const codeEntrySchema = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  equivalents: z.array(z.string()).optional(),
  aliases: z.array(z.string()).optional(),
});

const majorSchema = z.object({
  code: z.string().regex(/^\d{6,7}(T|K|TK)?$/, '专业代码应为6位数字（目录中个别为7位），可带 T/K 后缀 / a major code is 6 (rarely 7) digits with an optional T/K suffix'),
  name: z.string().min(1),
  degrees: z.array(z.string().regex(/^\d{3}$/)).min(1),
});

const dateSchema = z.string().regex(/^\d{8}$/, '日期应写成 YYYYMMDD / dates are written YYYYMMDD');

/** The school-specific settings: a JSON file for the CLI (`--profile`), a settings sheet in the workbook. */
export const schoolProfileSchema = z.object({
  unitCode: z.string().regex(/^\d{5}$/, '学位授予单位码应为5位数字 / the unit code is 5 digits'),
  unitName: z.string().min(1),
  /** 学位授予单位校长姓名 and 学位评定委员会主席姓名 as printed on the certificates; checked when given. */
  president: z.string().optional(),
  committeeChair: z.string().optional(),
  /** The school's own majors; they extend the catalogue and a major outside them gets a warning. */
  majors: z.array(majorSchema).default([]),
  /** Reporting window of the current batch (获学位日期 outside it is a warning). */
  reportingWindow: z.object({ from: dateSchema, to: dateSchema }).optional(),
  /** Extra or corrected entries for the code tables that could not be sourced completely. */
  codeTables: z
    .object({
      idType: z.array(codeEntrySchema).optional(),
      studyForm: z.array(codeEntrySchema).optional(),
      thesisLanguage: z.array(codeEntrySchema).optional(),
      country: z.array(codeEntrySchema).optional(),
    })
    .default({}),
  /** Severity overrides for rules whose national basis is unconfirmed. */
  ruleSeverity: z.record(z.string(), z.enum(['error', 'warning', 'info'])).default({}),
});

export type SchoolProfile = z.infer<typeof schoolProfileSchema>;
export type SchoolProfileInput = z.input<typeof schoolProfileSchema>;

/** 重庆外语外事学院, whose regulation this product implements; any unit replaces it with its own profile. */
export const DEFAULT_PROFILE: SchoolProfile = schoolProfileSchema.parse({
  unitCode: '12608',
  unitName: '重庆外语外事学院',
});

export type ProfileResult = { ok: true; profile: SchoolProfile } | { ok: false; problems: string[] };

/** Parses a profile, returning readable problems instead of throwing. */
export function parseProfile(input: unknown): ProfileResult {
  const result = schoolProfileSchema.safeParse(input);
  if (result.success) return { ok: true, profile: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
  };
}
