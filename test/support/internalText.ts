/** What must never reach a client: stack frames, file paths, JavaScript error names, internal addresses, HTML pages. */
export const INTERNAL_TEXT = /\bat \S+ \(|\.ts:\d|\.js:\d|node_modules|\/work\/|\/app\/|TypeError|SyntaxError|ReferenceError|RangeError|Cannot read prop|is not a function|ECONN|Mongo|<html|<pre>|127\.0\.0\.1/i;
