"""ui layer."""

from app.ui.common.none_refcount import keep_none_alive

keep_none_alive()
