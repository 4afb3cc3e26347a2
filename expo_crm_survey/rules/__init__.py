"""Survey rules of Expo CRM in plain Python (the 5S gaps and the satisfaction
index): they import nothing from Odoo and are tested without a database."""
