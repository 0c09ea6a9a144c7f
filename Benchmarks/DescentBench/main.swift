import Descent
print("descent-bench: placeholder")
