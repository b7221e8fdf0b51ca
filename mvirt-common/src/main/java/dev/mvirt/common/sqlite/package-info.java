/** Opening SQLite databases the way every mvirt daemon wants them (WAL, busy timeout, foreign keys). */
@NullMarked
package dev.mvirt.common.sqlite;

import org.jspecify.annotations.NullMarked;
