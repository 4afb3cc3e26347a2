from .bulk_write import (
    create_computed_records,
    drop_unindexed_field_indexes,
    only_changed_values,
    write_computed_values,
)
from .formats import format_area
from .protect import (
    check_bounds,
    check_computed_not_written,
    check_finite_numbers,
    check_selection_values,
)
from .reasons import render_reasons
