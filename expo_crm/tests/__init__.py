from . import test_install
from . import test_participation
from . import test_sale_flow
from . import test_invoice_amounts
from . import test_opportunity
