from .bulk_write import write_computed_values
