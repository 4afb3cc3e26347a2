from . import test_install
from . import test_arithmetic
from . import test_results
from . import test_campaign
from . import test_security
from . import test_token_access
from . import test_demo
from . import test_ui
