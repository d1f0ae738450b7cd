/** The shape of the interface's texts, for the catalog and each area's file under messages/. */
import type { Lang } from '../../core/session/lesson.ts';

/** A text in every language: ICU MessageFormat strings. */
export type Message = Record<Lang, string>;
export type Area = Record<string, Message>;
