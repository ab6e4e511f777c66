print("mqadmin")
