from .bulk_write import only_changed_values, write_computed_values
from .reasons import render_reasons
