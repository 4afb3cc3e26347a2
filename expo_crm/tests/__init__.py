from . import test_install
from . import test_participation
from . import test_lifecycle
from . import test_relationship_value
from . import test_priority_points
from . import test_access
from . import test_sale_flow
from . import test_demo
