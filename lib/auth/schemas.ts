import { z } from 'zod';
import { hasHiddenCharacters } from '@/lib/hidden-characters';

// Messages are codes, translated by the forms: the schemas stay language-neutral.
// Usernames and names never hold control characters or bidirectional overrides (they would disguise what is shown or logged).
const requiredText = (max: number) =>
  z
    .string({ message: 'required' })
    .trim()
    .min(1, 'required')
    .max(max, 'tooLong')
    .refine((value) => !hasHiddenCharacters(value), 'hiddenCharacters');

export const signInSchema = z.object({
  identifier: requiredText(254),
  // Not trimmed, not normalized here: the password is compared exactly as the rules normalized it when set.
  password: z.string({ message: 'required' }).min(1, 'required').max(1024, 'tooLong'),
  next: z.string({ message: 'required' }).max(512, 'tooLong').optional(),
});

export const identifierSchema = z.object({
  identifier: requiredText(254).refine((value) => /^\d{1,10}$/.test(value) || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value), 'identifierFormat'),
});

export const resetPasswordSchema = z.object({
  token: z.string({ message: 'required' }).max(200, 'tooLong'),
  password: z.string({ message: 'required' }).min(1, 'required').max(4096, 'tooLong'),
  confirmation: z.string({ message: 'required' }).min(1, 'required').max(4096, 'tooLong'),
});

export const usernameReminderSchema = z.object({
  cspaNumber: requiredText(10).refine((value) => /^\d{1,10}$/.test(value), 'cspaNumberFormat'),
  lastName: requiredText(100),
});

export const changePasswordSchema = z.object({
  currentPassword: z.string({ message: 'required' }).min(1, 'required').max(1024, 'tooLong'),
  password: z.string({ message: 'required' }).min(1, 'required').max(4096, 'tooLong'),
  confirmation: z.string({ message: 'required' }).min(1, 'required').max(4096, 'tooLong'),
});
