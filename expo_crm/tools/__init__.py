from .bulk_write import (
    create_computed_records,
    only_changed_values,
    write_computed_values,
)
from .formats import format_area
from .plain import plain_currency
from .reasons import render_reasons
