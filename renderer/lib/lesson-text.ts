/**
 * A lesson's narration as one Markdown page in one language: its introduction, its numbered steps
 * and its exercise. The narration panel shows it whole until the lesson player walks the steps one
 * moment at a time.
 */
import type { Lang, Lesson } from '../../core/session/lesson.ts';
import { translate } from '../i18n/translate.ts';

export function lessonPage(lesson: Lesson, lang: Lang): string {
  const steps = lesson.steps.map((step, k) => `${k + 1}. ${step.say[lang].replace(/\n/g, ' ')}`);
  const parts = [`# ${lesson.title[lang]}`, lesson.intro[lang], steps.join('\n')];
  if (lesson.try) parts.push(`**${translate(lang, 'app.tryIt')}** ${lesson.try[lang]}`);
  return parts.join('\n\n');
}
