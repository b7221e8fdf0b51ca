/** Runtime plumbing shared by the mvirt daemons. No domain logic lives here. */
@NullMarked
package dev.mvirt.common;

import org.jspecify.annotations.NullMarked;
