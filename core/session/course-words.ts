/**
 * The Traditional Chinese words of the course notes (the bilingual study notes the course comes
 * from): a lesson writes these, never a synonym, so that a class meets one word for one idea in the
 * lessons and in the notes alike. Each entry is the notes' word and the synonyms a translator might
 * reach for instead.
 */
export const COURSE_WORDS: readonly { word: string; not: readonly string[] }[] = [
  { word: '迭代', not: ['疊代', '反覆運算'] }, // iterate, iterator, iterable: "可以迭代的容器"
  { word: '協議', not: ['協定'] }, // protocol: "標準(協議)"
  { word: '原地', not: ['就地'] }, // in place: "原地算法(inplace)"
  { word: '參考', not: ['參照'] }, // reference: "物件參考"
  { word: '伺服器', not: ['服務器'] }, // server
];

/** Each synonym `text` writes where the course notes have their own word, with that word. */
export function offCourseWords(text: string): { wrote: string; course: string }[] {
  return COURSE_WORDS.flatMap(({ word, not }) =>
    not.filter((synonym) => text.includes(synonym)).map((wrote) => ({ wrote, course: word })),
  );
}
