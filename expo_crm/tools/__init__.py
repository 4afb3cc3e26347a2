from .bulk_write import only_changed_values, write_computed_values
from .plain import plain_currency
from .reasons import render_reasons
