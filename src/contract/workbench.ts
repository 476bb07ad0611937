import { z } from 'zod';

/** The to-dos a 工作台 may list: each is something the viewer is the one to act on. */
export const workbenchTodoKeys = [
  'studioReviews',
  'requestsWaiting',
  'requestsUnassigned',
  'rectificationsOverdue',
  'contractsEnding',
  'needsUncategorised',
  'importsPending',
  'lettersOpen',
  'lettersOverdue',
  'lettersEscalated',
  'inspectionsPlanned',
  'inspectionsOverdue',
  'rectificationProposals',
  'evaluationProposals',
] as const;
export type WorkbenchTodoKey = (typeof workbenchTodoKeys)[number];

/** The headline figures of the viewer's scope (a member's: their own studios and record book). */
export const workbenchFigureKeys = [
  'studiosServing',
  'myStudios',
  'volunteers',
  'records',
  'personTimes',
  'needs',
] as const;
export type WorkbenchFigureKey = (typeof workbenchFigureKeys)[number];

/** One to-do: how many are waiting, and the console page where they are handled. */
export const workbenchTodo = z.object({
  key: z.enum(workbenchTodoKeys),
  count: z.number().int().nonnegative(),
  path: z.string(),
});
export type WorkbenchTodo = z.infer<typeof workbenchTodo>;

/** The viewer's start page: to-dos (only those their role acts on), figures and their own recent actions. */
export const workbench = z.object({
  todos: z.array(workbenchTodo),
  figures: z.array(z.object({ key: z.enum(workbenchFigureKeys), value: z.number().nonnegative() })),
  recent: z.array(
    z.object({
      at: z.string(),
      action: z.string(),
      entity: z.string(),
      entityId: z.string().nullable(),
    }),
  ),
});
export type Workbench = z.infer<typeof workbench>;
