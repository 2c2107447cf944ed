// Tagged templates may hold escapes that are invalid in plain ones: the
// cooked value is then null and the raw text is kept.
tag`\xZ${1}\unicode`;
tag`\xZ\xZ`;
