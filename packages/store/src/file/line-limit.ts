/**
 * The longest line, in bytes without its newline, that is written or read: 1 MiB. Longer appends are
 * refused and longer lines reported (a guard against a file that would make a reader buffer without end).
 * @example MAX_LINE_BYTES // 1048576
 */
export const MAX_LINE_BYTES = 1024 * 1024;
